import { DMZ_RELAY, type Plan } from '../src/domain/plan';
import { encodeShare, shareUrl } from '../src/domain/share/codec';
import { generatePlan } from './plans';

/** An origin of a typical length for the whole-link figure; the fragment does not depend on it. */
const ORIGIN = 'https://portolan.example.com/';

function report(label: string, plan: Plan, fragmentTarget?: number) {
  const fragment = encodeShare(plan);
  const base64 = Buffer.from(JSON.stringify(plan)).toString('base64').length;
  const link = shareUrl(ORIGIN, plan).length;
  console.log(
    `${label}: fragment ${fragment.length} chars${fragmentTarget ? ` (target <= ${fragmentTarget})` : ''}, ` +
      `whole link ${link} chars (target <= 2083), base64 of the plan JSON ${base64} chars, ` +
      `${(base64 / fragment.length).toFixed(1)}x shorter (target >= 3x)`,
  );
}

/** Share-link lengths for the size targets. */
export function benchShare(): void {
  console.log(`\n== Share links (whole link measured on ${ORIGIN}) ==`);
  report(`"${DMZ_RELAY.name}" example, ${DMZ_RELAY.hosts.length} hosts`, DMZ_RELAY, 600);
  const thirty = generatePlan(30);
  report(`30-host plan with names, addresses and ${thirty.zones.length} zones`, thirty);
}
