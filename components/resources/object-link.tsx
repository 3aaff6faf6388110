import Link from "next/link";
import { resourceForKind } from "@/lib/kinds/registry";
import { detailHref } from "@/lib/views/detail";

interface Props {
  cluster: string;
  kind: string;
  namespace: string | null;
  name: string;
  /** Known plural; otherwise derived from the kind (unknown kinds render as text). */
  resource?: string;
  showKind?: boolean;
  /** Text instead of "Kind namespace/name". */
  label?: string;
  className?: string;
}

/** "HelmRelease airflow/airflow" linked to the object's detail page (its deep link). */
export function ObjectLink({ cluster, kind, namespace, name, resource, showKind = true, label, className = "" }: Props) {
  const plural = resource ?? resourceForKind(kind)?.resource;
  const text = label ?? (
    <>
      {showKind ? <span className="text-slate-500 dark:text-slate-400">{kind} </span> : null}
      {namespace ? `${namespace}/` : ""}
      {name}
    </>
  );
  if (!plural) return <span className={className}>{text}</span>;
  return (
    <Link href={detailHref(cluster, plural, namespace, name)} className={`text-blue-800 hover:underline dark:text-blue-300 ${className}`}>
      {text}
    </Link>
  );
}
