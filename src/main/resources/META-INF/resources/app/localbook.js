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

  apply(delta) {
    const side = this.sides[delta.side];
    const gone = new Set(delta.removes.map(removal => removal.id));
    delta.upserts.forEach(upsert => gone.add(upsert.ad.id));
    const kept = side.filter(ad => !gone.has(ad.id));
    for (const upsert of delta.upserts) kept.splice(Math.min(upsert.position, kept.length), 0, upsert.ad);
    this.sides[delta.side] = kept;
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
