// Why a source joined an event, in the reader's language. The store keeps the reason as the
// English prose the ingestion's join rule writes (crates/ingest/src/merge.rs, `joins`):
// clauses separated by "; ", each naming ids and dates, e.g.
//   same event type (Battles); places 0 km apart (ml.kayes / ml.kayes);
//   dates 1 day(s) apart (2025-09-06 / 2025-09-07); same actor1 (jnim)
// Each clause the rule can write is read back here into its values and told again from
// i18n.json; a clause this page does not know is shown as stored, marked as English.
import { t, typeName, formatDate, formatNumber, entityName } from "./i18n.js";

const CLAUSES = [
  [/^same event type \((.+)\)$/, ([type]) => t("reasonSameType", { type: typeName(type) })],
  [/^places (\d+) km apart \((.+) \/ (.+)\)$/, ([km, a, b]) => places(Number(km), a, b)],
  [/^dates (\d+) day\(s\) apart \((.+) \/ (.+)\)$/, ([days, a, b]) => dates(Number(days), a, b)],
  [/^same actor1 \((.+)\)$/, ([actor]) => t("reasonSameActor", { actor: actorName(actor) })],
  [/^different actor1 \((.+) \/ (.+)\) at the same place and time: disputed$/, ([a, b]) => t("reasonDifferentActors", { a: actorName(a), b: actorName(b) })],
  [/^actor1 unknown on one side$/, () => t("reasonActorUnknown")],
];

const placeName = (id) => (id === "?" ? t("unknown") : entityName("place", { id }));
const actorName = (id) => entityName("actor", { id });

function places(km, a, b) {
  if (a === b && km === 0) return t("reasonSamePlace", { place: placeName(a) });
  return t("reasonPlaces", { km: formatNumber(km), a: placeName(a), b: placeName(b) });
}

function dates(days, a, b) {
  if (a === b) return t("reasonSameDate", { date: formatDate(a) });
  return t("reasonDates", { n: formatNumber(days), a: formatDate(a), b: formatDate(b) });
}

// The clauses of a stored reason: [{text, known}] (known: told in the UI language).
export function reasonClauses(reason) {
  return String(reason || "")
    .split("; ")
    .filter((c) => c.trim())
    .map((clause) => {
      for (const [pattern, tell] of CLAUSES) {
        const m = pattern.exec(clause);
        if (m) return { text: tell(m.slice(1)), known: true };
      }
      return { text: clause, known: false };
    });
}
