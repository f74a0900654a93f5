// Regenerate schemas/plan.schema.json from the zod model (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { planJsonSchema } from '../dist/model/plan.js';

const target = new URL('../schemas/plan.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(planJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
