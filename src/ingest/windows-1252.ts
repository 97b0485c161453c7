// Since Node 20.18.3 TextDecoder('windows-1252') takes a Latin-1 fast path (nodejs/node#56542, #60888): without
// {stream: true} bytes 0x80-0x9F come out as C1 control characters instead of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – —
// ˜ ™ š › œ ž Ÿ, which Excel on Windows writes all the time. Rather than depend on which path a call takes, decode
// Latin-1 and map that range by the WHATWG windows-1252 table; the five bytes it leaves undefined stay as they are.

/** Code points for bytes 0x80-0x9F; 0 where windows-1252 defines no character. */
const HIGH_CONTROL_RANGE = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

const C1 = /[\u0080-\u009f]/g;

function fix(ch: string): string {
  const cp = HIGH_CONTROL_RANGE[ch.charCodeAt(0) - 0x80]!;
  return cp === 0 ? ch : String.fromCharCode(cp);
}

/** A single-byte decoder, so chunks need no state carried between them; it never fails. */
export class Windows1252Decoder {
  private readonly latin1 = new TextDecoder('latin1');

  decode(bytes?: Uint8Array, _options?: { stream?: boolean }): string {
    return bytes === undefined ? '' : this.latin1.decode(bytes).replace(C1, fix);
  }
}
