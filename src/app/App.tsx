export function App() {
  return (
    <div className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex h-12 items-center border-b border-slate-200 px-4 dark:border-slate-800">
        <h1 className="text-base font-semibold">Portolan</h1>
      </header>
      <main className="flex min-h-0 flex-1" aria-label="Planner" />
    </div>
  );
}
