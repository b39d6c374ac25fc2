// Which public rooms a search can match, without reading every name. Each name key is filed under every piece of it
// up to PIECE_LENGTH characters ("chess": c, h, e, s, ch, he, es, ss, che, hes, ess). A name that contains the search
// contains each of its pieces, so only the rooms filed under its rarest piece need reading: none when a piece is
// nowhere, the way a search that matches nothing would otherwise read all 10,000 names.

/** Longer pieces are rarer, but every name is filed under more of them: 3 keeps it to ≈3 entries per character. */
const PIECE_LENGTH = 3;

/** The distinct pieces of `text` of `length` UTF-16 code units: the units String.includes compares. */
function piecesOf(text: string, length: number) {
  const pieces = new Set<string>();
  for (let start = 0; start + length <= text.length; start++) pieces.add(text.slice(start, start + length));
  return pieces;
}

export interface NameIndex {
  /** Files the name key of the room at `position`; positions only grow (rooms are added oldest first). */
  add(key: string, position: number): void;
  /** Positions, oldest first, of the rooms whose key may contain `wanted` (not ""): every match, and few others. */
  candidates(wanted: string): readonly number[];
}

export function createNameIndex(): NameIndex {
  const positionsByPiece = new Map<string, number[]>();
  return {
    add(key, position) {
      for (let length = 1; length <= PIECE_LENGTH; length++) {
        for (const piece of piecesOf(key, length)) {
          const positions = positionsByPiece.get(piece);
          if (positions) positions.push(position);
          else positionsByPiece.set(piece, [position]);
        }
      }
    },
    candidates(wanted) {
      const lists = [...piecesOf(wanted, Math.min(PIECE_LENGTH, wanted.length))].map(
        (piece) => positionsByPiece.get(piece) ?? [],
      );
      return lists.reduce(
        (rarest, positions) => (positions.length < rarest.length ? positions : rarest),
        lists[0] ?? [],
      );
    },
  };
}
