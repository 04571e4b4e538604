/**
 * The attributes a crfsuite model has weights for, read from the model file
 * (crf1d_model.c: header; cqdb.c: the attribute quark database). crfsuite
 * ignores every attribute of an item that its model does not know, so
 * passing only the known ones tags exactly the same. Looking a value up by
 * feature also spares building the strings: the model's own are reused.
 */
import type { Attributes } from './features.js';

/** The attributes a crfsuite `lCRF` model file knows, by feature name and value. */
export function modelAttributes(model: Uint8Array): Attributes {
  const byName = new Map<string, Map<string, string>>();
  for (const attribute of attributeNames(model)) {
    const eq = attribute.indexOf('=');
    const name = attribute.slice(0, eq);
    let values = byName.get(name);
    if (!values) byName.set(name, (values = new Map()));
    values.set(attribute.slice(eq + 1), attribute);
  }
  // a family's attributes by value, each known value once: [T[-2].lower=v, T[-1].lower=v, ...]
  const families = new Map<string, Map<string, readonly (string | undefined)[]>>();
  const none: readonly undefined[] = [];
  return (names) => {
    const key = names.join('|');
    let byValue = families.get(key);
    if (!byValue) {
      byValue = new Map();
      const maps = names.map((name) => byName.get(name));
      for (const values of maps) for (const value of values?.keys() ?? []) byValue.set(value, maps.map((m) => m?.get(value)));
      families.set(key, byValue);
    }
    const known = byValue;
    return (value) => known.get(value) ?? none;
  };
}

function attributeNames(model: Uint8Array): Set<string> {
  const view = new DataView(model.buffer, model.byteOffset, model.byteLength);
  const magic = String.fromCharCode(...model.subarray(0, 4));
  if (magic !== 'lCRF') throw new Error('not a crfsuite model file');
  // header: magic, size, type, version, num_features, num_labels, num_attrs, off_features, off_labels, off_attrs, ...
  const db = view.getUint32(36, true);
  if (String.fromCharCode(...model.subarray(db, db + 4)) !== 'CQDB') throw new Error('crfsuite model without an attribute database');
  // CQDB header: chunkid, size, flag, byteorder, bwd_size, bwd_offset; the backward array points at each (id, size, name\0) record
  const count = view.getUint32(db + 16, true);
  const backward = db + view.getUint32(db + 20, true);
  const utf8 = new TextDecoder();
  const names = new Set<string>();
  for (let id = 0; id < count; id++) {
    const record = view.getUint32(backward + 4 * id, true);
    if (record === 0) continue;
    const size = view.getUint32(db + record + 4, true);
    names.add(utf8.decode(model.subarray(db + record + 8, db + record + 8 + size - 1)));
  }
  return names;
}
