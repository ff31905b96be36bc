import { serializePlan } from '../plan';
import { fileStem } from './rows';
import type { QuickExporter } from './types';

/** The plan in the documented file format, as `<plan name>.portolan.json`. */
export const exportPlanFile: QuickExporter = ({ plan }) => ({
  filename: `${fileStem(plan.name)}.portolan.json`,
  mime: 'application/json',
  data: serializePlan(plan),
});
