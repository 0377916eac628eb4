// Dumps person first/last names of every @faker-js/faker locale to names.json.
// Usage: npm pack @faker-js/faker@10.1.0 && tar xzf faker-js-faker-10.1.0.tgz
//        (link package/ as node_modules/@faker-js/faker) && node dump_fakerjs_names.mjs
import { allLocales } from '@faker-js/faker';
import fs from 'fs';

const flat = (v) => (!v ? [] : Array.isArray(v) ? v : Object.values(v).flat());
const out = {};
for (const [locale, def] of Object.entries(allLocales)) {
  const person = def.person;
  if (!person) continue;
  const first = [...new Set(flat(person.first_name))];
  const last = [...new Set(flat(person.last_name))];
  if (first.length || last.length) out[locale] = { first, last };
}
fs.writeFileSync('names.json', JSON.stringify(out));
