/**
 * Printing: the browser's Print (Ctrl+P) prints the diagram, all of it on the first page, and the
 * change request's grouped rules after it, without the app around them. public/print.css (linked
 * from index.html for print media only) hides the app and lays the page out; this module, loaded
 * on demand, does what a stylesheet cannot, just before the page is printed:
 *
 * - measures the diagram so the stylesheet can fit all of it to the page (fit.ts);
 * - puts in the full tables to print (rules.ts): the ones on screen hold only the rows in view;
 * - prints in light colours when the app is dark;
 *
 * and undoes all of it after. The browser lays the page out for print right after `beforeprint`,
 * so the work is done there, synchronously; a change to print media (emulated print, or a
 * browser without the events) does the same.
 */
import { fitDiagram, unfitDiagram } from './fit';
import { clearRules, fillRules } from './rules';

/** What was made light for printing, to make dark again after. */
let darkened: { root: boolean; flows: Element[] } | undefined;
let prepared = false;

function lighten() {
  const root = document.documentElement;
  const flows = [...document.querySelectorAll('.react-flow.dark')];
  darkened = { root: root.classList.contains('dark'), flows };
  if (darkened.root) {
    root.classList.remove('dark');
    root.style.colorScheme = 'light';
  }
  for (const f of flows) f.classList.replace('dark', 'light');
}

function darkenAgain() {
  if (!darkened) return;
  const root = document.documentElement;
  if (darkened.root) {
    root.classList.add('dark');
    root.style.colorScheme = 'dark';
  }
  for (const f of darkened.flows) f.classList.replace('light', 'dark');
  darkened = undefined;
}

/** Readies the page for print (again, with the plan as it is now, when it already was). */
export function preparePrint(): void {
  finishPrint();
  prepared = true;
  lighten();
  fillRules();
  fitDiagram();
}

/** Puts the page back as it was before preparePrint. */
export function finishPrint(): void {
  if (!prepared) return;
  prepared = false;
  unfitDiagram();
  clearRules();
  darkenAgain();
}

let stop: (() => void) | undefined;

/** Listens for printing from now on; returns a function that stops (once is enough: later calls do nothing). */
export function startPrint(): () => void {
  if (stop) return stop;
  const print = window.matchMedia('print');
  const onMedia = (e: MediaQueryListEvent) => {
    if (!e.matches) finishPrint();
    else if (!prepared) preparePrint();
  };
  window.addEventListener('beforeprint', preparePrint);
  window.addEventListener('afterprint', finishPrint);
  print.addEventListener('change', onMedia);
  // Loaded while the page was already printing (emulated print media): ready it now.
  if (print.matches) preparePrint();
  const stopped = () => {
    window.removeEventListener('beforeprint', preparePrint);
    window.removeEventListener('afterprint', finishPrint);
    print.removeEventListener('change', onMedia);
    finishPrint();
    stop = undefined;
  };
  stop = stopped;
  return stopped;
}
