import { setThemePreference, useTheme, type ThemePreference } from '../../ui';

export function ThemeSelect() {
  const { preference } = useTheme();
  return (
    <select
      aria-label="Theme"
      value={preference}
      onChange={(e) => setThemePreference(e.target.value as ThemePreference)}
      className="w-24 rounded-md border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <option value="system">System</option>
      <option value="light">Light</option>
      <option value="dark">Dark</option>
    </select>
  );
}
