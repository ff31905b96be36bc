import { serializePlan } from '../plan/serialize';
import { fileStem } from './rows';
import type { Exporter } from './types';

/** The plan in the documented file format, as `<plan name>.portolan.json`. */
export const exportPlanFile: Exporter = ({ plan }) => ({
  filename: `${fileStem(plan.name)}.portolan.json`,
  mime: 'application/json',
  data: serializePlan(plan),
});
