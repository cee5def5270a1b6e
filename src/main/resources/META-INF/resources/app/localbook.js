import { crc32 } from './crc32.js';

// A copy of a book channel's window kept from its snapshot and deltas, proven by each checksum
// (docs/protocol.md, "Keeping a local book").
export class LocalBook {
  constructor() {
    this.sides = { BUY: [], SELL: [] };
  }

  snapshot(data) {
    this.sides = { BUY: [...data.buy], SELL: [...data.sell] };
  }

  // One batch's delta: for each side it changed, the removals, then the upserts at their positions.
  apply(delta) {
    for (const change of delta.changes) {
      const gone = new Set(change.removes.map(removal => removal.id));
      change.upserts.forEach(upsert => gone.add(upsert.ad.id));
      const kept = this.sides[change.side].filter(ad => !gone.has(ad.id));
      for (const upsert of change.upserts) kept.splice(Math.min(upsert.position, kept.length), 0, upsert.ad);
      this.sides[change.side] = kept;
    }
  }

  checksum() {
    let text = '';
    for (const side of ['BUY', 'SELL']) {
      text += side;
      for (const ad of this.sides[side]) text += '|' + ad.id + ':' + ad.price + ':' + ad.remaining;
    }
    return crc32(text);
  }
}
