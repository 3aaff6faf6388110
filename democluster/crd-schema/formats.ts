// String formats as kube-openapi's strfmt registry checks them (k8s.io/kube-openapi pkg/validation/strfmt).
// Formats the vendored CRDs use are date-time and byte; the others the apiserver supports are checked where the
// rule is simple and accepted otherwise.
import { isIPv4, isIPv6 } from "node:net";

// strfmt/time.go DateTimePattern, applied to the part after the first "t" of the lower-cased value.
const TIME_OF_DATE_TIME = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/;
// govalidator IsBase64 (the `byte` format).
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID3 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID4 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const UUID5 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const MAC = /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i;
const HEXCOLOR = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** strfmt IsDate: Go time.Parse("2006-01-02"). */
export function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** strfmt IsDateTime. */
export function isDateTime(s: string): boolean {
  if (s.length < 4) return false;
  const parts = s.toLowerCase().split("t");
  if (parts.length < 2 || !isDate(parts[0] as string)) return false;
  const m = TIME_OF_DATE_TIME.exec(parts[1] as string);
  if (!m) return false;
  return (m[1] as string) <= "23" && (m[2] as string) <= "59" && (m[3] as string) <= "59";
}

function isCidr(s: string): boolean {
  const [ip, bits, ...rest] = s.split("/");
  if (rest.length || bits === undefined || !/^\d+$/.test(bits)) return false;
  if (isIPv4(ip as string)) return Number(bits) <= 32;
  if (isIPv6(ip as string)) return Number(bits) <= 128;
  return false;
}

const CHECKS: Record<string, (s: string) => boolean> = {
  datetime: isDateTime,
  date: isDate,
  byte: (s) => BASE64.test(s),
  password: () => true,
  uuid: (s) => UUID.test(s),
  uuid3: (s) => UUID3.test(s),
  uuid4: (s) => UUID4.test(s),
  uuid5: (s) => UUID5.test(s),
  ipv4: (s) => isIPv4(s),
  ipv6: (s) => isIPv6(s),
  cidr: isCidr,
  mac: (s) => MAC.test(s),
  hexcolor: (s) => HEXCOLOR.test(s),
};

/** True when `value` satisfies `format` (a format the apiserver supports; unknown ones pass). */
export function formatValid(format: string, value: string): boolean {
  const check = CHECKS[format.replace(/-/g, "")];
  return check ? check(value) : true;
}
