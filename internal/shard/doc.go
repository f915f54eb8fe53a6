// Package shard writes and reads a sharded corpus: a compiled corpus cut
// into static files that a reader (the widget, the CLI, the Worker) fetches
// piece by piece, only what the text it checks needs. A check reads it in
// four rounds, an article's in five: the term lists of the text's words
// (with most of its 4-grams'), then those of the 4-grams still missing,
// from which the matcher's first stage picks candidate claims
// (impact-ordered lists cut to their best postings, so the work does not
// grow with the corpus); the records of those claims (what ranking reads:
// texts, date, language), for an article first those of each sentence's
// best few candidates, then the rest for the sentences that may be
// highlighted (Widening); and, for the few claims the check returns,
// their cards (what a reader is shown: id, rating, publisher, link). It
// runs the one matcher, page model and trust layer over an index of what
// it fetched, scored with the whole corpus's statistics
// (index.BuildPartial), the trust layer with the corpus's names those
// parts carry (names.go).
//
// # Layout
//
// A sharded corpus is a folder:
//
//	DIR/manifest         the manifest: statistics, parameters, and the build
//	DIR/BUILD/s<n>       stem bucket n: claim and title field lists of the stems hashed to n,
//	                     the 4-gram field lists of the 4-grams homed at those stems, and the names homed there
//	DIR/BUILD/g<n>       4-gram bucket n: the 4-gram field lists of the 4-grams with postings hashed to n
//	DIR/BUILD/h0         the common 4-grams: document frequencies of the 4-grams without postings
//	DIR/BUILD/k<n>       keyword bucket n: every claim holding a stem hashed to n (claims:search)
//	DIR/BUILD/c<n>       record chunk n: claims n·C to n·C+C−1 as ranking and flags read them (C in the manifest)
//	DIR/BUILD/r<n>       card chunk n: claims n·R to n·R+R−1 as a reader sees them (R in the manifest)
//	DIR/BUILD/x          sections: the index's (but its names), the records' dictionary, the names no bucket holds
//
// BUILD is 16 hex digits, a 64-bit FNV-1a hash of the content of every part
// of the build: parts never change under their names, so a CDN may cache
// them for ever; an updated corpus is a new BUILD folder and a new manifest
// (the one file to serve without long caching). A term's bucket is the
// 32-bit FNV-1a hash of its UTF-8 bytes modulo the bucket count.
//
// A sharded corpus numbers its claims its own way (claim ids here are
// these numbers; a claim's own id is in its card): claims that share
// words close together, so that the gaps of posting lists are small
// (order.go; Options.Reorder), a group of duplicates' first claim still
// before the others. Where the writer breaks ties (postings of equal
// impact) it does so in the order the corpus was given, as the whole
// index does.
//
// A 4-gram's home is the stem of the content word it most often comes
// from in the claims' texts (homes.go): a page's 4-grams come from its
// words, whose stem buckets a check fetches anyway, so it fetches the
// 4-gram buckets only of the 4-grams it did not find there. A 4-gram with
// postings is in its hash bucket and, when it has a home and is in at
// least Options.GramHomeShare of the claims, in its home's stem bucket
// too; a common one is in h0 alone.
//
// A file, the manifest too, is stored gzip-compressed (a browser reads it
// with DecompressionStream) when that saves a fifth of it, else as it is
// (internal/shardio.Compress): a reader tells by the first two bytes
// (gzip's 1f 8b; a part starts "FP", the manifest "FC"). All integers are
// unsigned LEB128 varints in their shortest form unless stated; strings
// are a varint byte length and UTF-8 bytes (internal/binfmt).
//
// # Manifest
//
//	offset 0  magic    "FCSM"
//	offset 4  version  uint16 LE, currently 7
//	offset 6  flags    uint16 LE, 0
//	offset 8  body
//	last 4    CRC-32 (IEEE) of every byte before it, uint32 LE
//
//	body:  build       string, 16 hex digits
//	       meta        varint n, n (key, value) string pairs in key order
//	       claims      varint N
//	       fields      3 × (kind byte, average length float64 bits uint64 LE,
//	                   k1 and b of the impact order as float64 bits, varint K:
//	                   postings kept per term, best impact first; 0 keeps
//	                   none: document frequencies only; byte L: bits of a
//	                   claim's length in a posting, 0 to 8, and if L > 0
//	                   the step S between lengths of successive codes as
//	                   float64 bits; a string of 2 × 2^(L+1) bytes: the
//	                   code lengths, 0 to 15 bits, of the posting symbols
//	                   in the lists kept whole, then in the lists cut
//	                   (below))
//	       gramMaxDF   varint: 4-grams in more claims are common: they have
//	                   no postings, and are in part h0 alone
//	       stemBuckets varint, gramBuckets varint, keywordBuckets varint
//	       chunk       varint C, claims per record chunk
//	       cardChunk   varint R, claims per card chunk
//	       sections    byte: 1 if part x exists
//
// # Parts
//
//	offset 0  magic    "FP"
//	offset 2  version  byte, currently 7
//	offset 3  body
//	last 4    checksum, uint32 LE: the CRC-32 (IEEE) of every byte
//	          before it, XOR the CRC-32 of the part's kind byte ('s', 'g',
//	          'h', 'k', 'c', 'r' or 'x') and number (bucket or chunk
//	          number, 0 for h and x; uint32 LE)
//
// The kind and number are in the checksum but not in the part (since
// version 6; 9 bytes less a file, and an article fetches a thousand): a
// part served under another name fails its check.
//
// Stem bucket body: varint T, then T terms in byte order, each the term
// string and, for the claim field then the title field, a list; then the
// 4-grams homed there as a 4-gram bucket body; then the names homed there
// as a name list. 4-gram bucket body: varint G, then G 4-grams in byte
// order, each the 4-gram string and its list in the 4-gram field. Common
// 4-gram body (since version 6): varint G, then G 4-grams in byte order,
// each a byte p, the bytes it shares with the one before (0 for the
// first), and the string of its other bytes; then the G 4-grams' document
// frequencies, varints in the same order (common 4-grams have no
// postings). A list is varint
// df (claims of the corpus holding the term), varint n, then, when n > 0,
// the n postings bit-packed (postings.go) in a byte string (varint byte
// count, bytes), most significant bit first, padded with zero bits to a
// byte: 5 bits k, then per posting in
// claim order the claim id gap (id − previous id − 1, the first id itself)
// in the Exp-Golomb code of order k, then the posting's symbol s = c +
// 2^L·t, where t is 1 when tf > 1 and c the claim's length code in the
// field (0 when L is 0), and then tf − 2 in the Exp-Golomb code of order 0
// if t is 1. The length code is round(ln(length/average) / ln S) + 2^L/2,
// within 0 and 2^L − 1, with the field's average and S from the manifest
// (a reader takes a claim of a field with L = 0 to be of average length).
// The symbol is written in the field's prefix code for lists kept whole
// (n = df) or for lists cut (n < df): the canonical code of the code
// lengths in the manifest (as deflate's: codes of each length
// consecutive, shorter first, in symbol order within a length; a length
// of 0 gives a symbol no code; the writer fits a Huffman code to the
// symbols its kept postings take). They are the n postings
// of highest BM25 impact
// tf/(tf + k1·(1 − b + b·length/average)), ties to the claim given first.
// n < df when the field's K cut the list, and n = 0 for terms the matcher
// never reads (idf 0).
//
// Keyword bucket body: varint T, then T terms in byte order, each the
// term string, varint n and n varint claim id deltas − 1: every claim whose
// claim or title field holds the term.
//
// Record chunk body, packed (pack.go) against the dictionary in the
// sections part's entry "shard/records" (empty when there is none) and
// the packing coded (packcode.go; since version 7): varint P, the bytes of
// the packing, then each of its P bytes in the prefix code of its stream,
// most significant bit first, padded with zero bits to a byte. The
// streams: the bytes of an operation's varint v, of a literal run, and of
// a copy's distance varint d (below). Their codes are canonical codes, as
// the postings' symbols' (256 symbols each), of the code lengths in the
// sections part's entry "shard/records-codes": 768 bytes, 0 to 15, the
// lengths of the operations' code, then the literals', then the
// distances'. Unpacked, the body is varint n, then n claims, each the strings text, title, context, claim date and
// language, varint d − the first claim with the same text
// (index.Index.Duplicates), varint m and m varint document frequencies of
// the claim's claim-field stems in text order (re-ranking weighs a claim's
// own words with them; a reader analyses the claim's text to know the
// stems), and a name list: the names of the claim's text (below). A packed
// body is a sequence of operations, each a varint v: when v is even, a
// literal run of v/2 + 1 bytes follows; when odd, a copy of (v−1)/2 + 4
// bytes from varint d bytes back in the window (the dictionary, then the
// bytes unpacked so far; a copy may overlap its own output).
//
// Card chunk body: varint n, then n claims, each the strings id, rating,
// publisher, publisher site, URL, review date and claimant, and the
// verdict byte.
//
// Sections body: varint n, then n (name, data) string pairs in name order:
// the index's sections (index.Index.Sections) but its names lexicon
// ("trust/lexicon"), which is spread over the parts; "shard/records", the
// dictionary of the corpus's frequent phrases that records are packed
// against (learned at build time from up to 4,000 records, at most
// Options.Dictionary bytes); "shard/records-codes", the code lengths of the
// packed records' streams (fitted to the same records packed); and
// "shard/names", a name list of the names no stem bucket holds. Every
// corpus has a sections part since version 7.
//
// The names: the corpus's lexicon (trust.Lexicon: the people, places and
// organisations its claims name, which the trust layer asks about names
// read in a page or a claim; names.go) is spread so that a check fetches
// the names it can ask about and few others. A claim's record lists the
// names made of the words of its text whose first word its text writes
// capitalised; a stem bucket, the names homed at its stems: a name's home
// is the stem, of those the name's words have when analysed as a page in
// each of the corpus's languages or in none (no stemming), in fewest
// claims; names without a stem are in "shard/names". A name list is varint
// E, then E names in byte order, each the name (folded, words separated by
// single spaces) and its kind byte (trust.NameKind, 1 to 4).
//
// A reader checks every part's magic, version and checksum (and with it
// its kind and number);
// a missing, truncated, corrupt or misplaced part is an error, never a
// partial answer. The reader links neither fmt nor encoding/json, so it
// goes into the widget's wasm.
package shard
