/**
 * The only platform APIs core/ may use beyond the language itself: text encoding, which is pure
 * computation and exists alike in browsers, workers and Node. (Intl is part of the language.)
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
