/** The worker half of pdfjs, loaded on the main thread so that no worker thread or worker file lookup is needed. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
