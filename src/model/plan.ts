import { z } from 'zod';

/** Where a piece of the model came from: a PDF page, a text-export line, or an HTML/Word table row. */
export const LocationSchema = z
  .object({
    page: z.number().int().positive().optional(),
    line: z.number().int().positive().optional(),
    row: z.number().int().positive().optional(),
  })
  .describe('Where the item sits in the source document: page (PDF), line (text export) or row (HTML, Word)');

/** A target date as written, with the date it states and what kind of date it is. */
export const DueSchema = z.object({
  raw: z.string().describe('The target-date cell as written'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/)
    .nullable()
    .describe('YYYY-MM or YYYY-MM-DD when a date is stated, else null'),
  status: z.enum(['complete', 'ongoing', 'planned', 'unknown']),
});

/** One action of a recommendation's response, with its owner and target date. */
export const ActionSchema = z.object({
  text: z.string(),
  owner: z.string().nullable(),
  due: DueSchema.nullable(),
  location: LocationSchema,
});

export const AgreementSchema = z.enum(['agreed', 'partly-agreed', 'not-agreed']);

/** How the response was cut into actions: the reading of the row that the layout supported best. */
export const StrategySchema = z
  .enum(['row-per-action', 'paragraph', 'paragraph-and-bullet', 'no-actions'])
  .describe(
    'row-per-action: each table row of the recommendation is one action; paragraph: each paragraph is one action, a bullet list joined to the paragraph it follows; paragraph-and-bullet: each paragraph and each bullet is one action (owners or dates were given one per bullet); no-actions: the response holds no action (only the agreement or its reason, or nothing)',
  );

/** How the owners (or target dates) of a row were matched to its actions. */
export const PairingSchema = z
  .enum(['one-to-one', 'by-position', 'shared', 'uneven', 'none'])
  .describe(
    'one-to-one: as many owners (blank slots included) as actions, paired in order; by-position: paired by where each stands on the page; shared: one given for several actions and applied to each; uneven: counts differ, paired as far as they go; none: the document gives none',
  );

/** How a recommendation's actions, owners and dates were read, so that doubtful readings can be found. */
export const ReadingSchema = z.object({
  strategy: StrategySchema,
  owners: PairingSchema,
  dates: PairingSchema,
});

/** One row of the action-plan table: a recommendation and the response to it. */
export const RecommendationSchema = z.object({
  number: z.string().nullable().describe('The rec number as a string, inferred from order when garbled'),
  refs: z.array(z.string()).describe('Extra references in the number cell, such as "SW 6" or "CRC 5"'),
  addressee: z.string().nullable().describe('Who the recommendation is addressed to, from the nearest heading'),
  text: z.string(),
  agreement: AgreementSchema.nullable(),
  agreementRaw: z.string().nullable(),
  response: z.string(),
  actions: z.array(ActionSchema),
  reading: ReadingSchema,
  location: LocationSchema,
});

/** A repair the reader made to a messy document, or something it could not resolve. */
export const DiagnosticSchema = z.object({
  message: z.string(),
  location: LocationSchema,
  code: z.string().optional().describe('A stable identifier of the kind of repair'),
  path: z.string().optional().describe('The model path the repair concerns, such as recommendations[2]'),
  data: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Structured facts about the repair (counts, the strategy used, the words concerned), for rules and scripts to read instead of the message'),
});

export const FormatSchema = z.enum(['pdf', 'docx', 'html', 'text']);

/** The whole model of one action plan, as `plancheck convert` prints it. */
export const PlanDocumentSchema = z
  .object({
    schemaVersion: z.literal(1),
    source: z.object({
      path: z.string(),
      format: FormatSchema,
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      pages: z.number().int().nonnegative().nullable(),
    }),
    plan: z.object({
      title: z.string().nullable(),
      inspection: z.string().nullable(),
      submitted: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
      reportPublished: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    }),
    recommendations: z.array(RecommendationSchema),
    diagnostics: z.array(DiagnosticSchema),
  })
  .meta({ title: 'plancheck action-plan model', $id: 'https://plancheck.dev/schemas/plan.schema.json' });

export type Location = z.infer<typeof LocationSchema>;
export type Due = z.infer<typeof DueSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type Agreement = z.infer<typeof AgreementSchema>;
export type Recommendation = z.infer<typeof RecommendationSchema>;
export type Strategy = z.infer<typeof StrategySchema>;
export type Pairing = z.infer<typeof PairingSchema>;
export type Reading = z.infer<typeof ReadingSchema>;
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type SourceFormat = z.infer<typeof FormatSchema>;
export type PlanDocument = z.infer<typeof PlanDocumentSchema>;

/** The JSON Schema of the model, generated from the zod definition. */
export function planJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PlanDocumentSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
