// Filters for the audit log as a plain GET form: works without JavaScript, and the URL is shareable.
export interface AuditFilterValues {
  user?: string;
  action?: string;
  target?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

const input = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

function Field({ name, label, value, placeholder, type = "text" }: { name: string; label: string; value?: string; placeholder?: string; type?: string }) {
  return (
    <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
      {label}
      <input name={name} type={type} defaultValue={value ?? ""} placeholder={placeholder} className={input} />
    </label>
  );
}

export function AuditFilterForm({ values, csvHref }: { values: AuditFilterValues; csvHref: string }) {
  return (
    <form method="get" action="/audit" aria-label="Audit filters" className="mb-4 grid grid-cols-2 items-end gap-3 md:grid-cols-7">
      <Field name="user" label="User" value={values.user} placeholder="name contains" />
      <Field name="action" label="Action" value={values.action} placeholder="e.g. sign-in, token., action." />
      <Field name="target" label="Target" value={values.target} placeholder="cluster, kind, namespace or name" />
      <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
        Outcome
        <select name="outcome" defaultValue={values.outcome ?? ""} className={input}>
          <option value="">any</option>
          <option value="success">success</option>
          <option value="failure">failure</option>
          <option value="denied">denied</option>
        </select>
      </label>
      <Field name="from" label="From (UTC)" value={values.from} type="datetime-local" />
      <Field name="to" label="To (UTC)" value={values.to} type="datetime-local" />
      <div className="flex gap-2">
        <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">
          Filter
        </button>
        <a href={csvHref} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800" download>
          CSV
        </a>
      </div>
    </form>
  );
}
