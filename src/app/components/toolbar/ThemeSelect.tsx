import { Icon, setThemePreference, useTheme, type ThemePreference } from '../../ui';

/** The theme, as a small select: the moon stands in for its text, which the narrow field hides. */
export function ThemeSelect() {
  const { preference } = useTheme();
  return (
    <div className="relative">
      <select
        aria-label="Theme"
        title={`Theme: ${preference}`}
        value={preference}
        onChange={(e) => setThemePreference(e.target.value as ThemePreference)}
        className="h-8.5 w-14 rounded-md border border-slate-300 bg-white pl-14 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-teal-600 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
      <Icon name="moon" className="pointer-events-none absolute top-2.5 left-2 size-4" />
    </div>
  );
}
