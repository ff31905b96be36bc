import { DMZ_RELAY, TWO_SITES, type Plan } from '../src/domain/plan';
import { encodeShare, shareUrl } from '../src/domain/share';
import { check } from './report';
import { generatePlan } from './plans';

/** An origin of a typical length for the whole-link figure; the fragment does not depend on it. */
const ORIGIN = 'https://portolan.example.com/';

function report(label: string, plan: Plan, fragmentTarget?: number, linkTarget = 2083) {
  const fragment = encodeShare(plan);
  const base64 = Buffer.from(JSON.stringify(plan)).toString('base64').length;
  const link = shareUrl(ORIGIN, plan).length;
  console.log(`${label}: fragment ${fragment.length} chars, base64 of the plan JSON ${base64} chars`);
  if (fragmentTarget) check(`${label}: fragment`, fragment.length, fragmentTarget, 'chars');
  check(`${label}: whole link`, link, linkTarget, 'chars');
  check(`${label}: shorter than base64 JSON by`, base64 / fragment.length, 3, 'x', 'min');
}

/** Share-link lengths for the size targets. */
export function benchShare(): void {
  console.log(`\n== Share links (whole link measured on ${ORIGIN}) ==`);
  report(`"${DMZ_RELAY.name}" example`, DMZ_RELAY, 600);
  // The largest example, with its two firewall devices: a link that fits a chat message.
  report(`"${TWO_SITES.name}" example`, TWO_SITES, undefined, 1400);
  const thirty = generatePlan(30);
  report(`30-host plan with ${thirty.zones.length} zones`, thirty);
}
