// The text encodings a transcript can be read in: the ones the import dialog offers (and the API accepts),
// named as WHATWG's TextDecoder names them (the Unicode ones in capitals, as Trellis has always shown them).
export const ENCODINGS = [
  { name: 'UTF-8', label: 'Unicode (UTF-8)' },
  { name: 'UTF-16LE', label: 'Unicode (UTF-16 little-endian)' },
  { name: 'UTF-16BE', label: 'Unicode (UTF-16 big-endian)' },
  { name: 'UTF-32LE', label: 'Unicode (UTF-32 little-endian)' },
  { name: 'UTF-32BE', label: 'Unicode (UTF-32 big-endian)' },
  { name: 'windows-1252', label: 'Western European (Windows-1252, Latin-1)' },
  { name: 'iso-8859-15', label: 'Western European (ISO-8859-15)' },
  { name: 'windows-1250', label: 'Central European (Windows-1250)' },
  { name: 'iso-8859-2', label: 'Central European (ISO-8859-2)' },
  { name: 'windows-1251', label: 'Cyrillic (Windows-1251)' },
  { name: 'koi8-r', label: 'Cyrillic (KOI8-R)' },
  { name: 'iso-8859-5', label: 'Cyrillic (ISO-8859-5)' },
  { name: 'windows-1253', label: 'Greek (Windows-1253)' },
  { name: 'iso-8859-7', label: 'Greek (ISO-8859-7)' },
  { name: 'windows-1254', label: 'Turkish (Windows-1254)' },
  { name: 'windows-1257', label: 'Baltic (Windows-1257)' },
  { name: 'windows-1255', label: 'Hebrew (Windows-1255)' },
  { name: 'iso-8859-8', label: 'Hebrew (ISO-8859-8)' },
  { name: 'windows-1256', label: 'Arabic (Windows-1256)' },
  { name: 'iso-8859-6', label: 'Arabic (ISO-8859-6)' },
  { name: 'windows-1258', label: 'Vietnamese (Windows-1258)' },
  { name: 'windows-874', label: 'Thai (Windows-874)' },
  { name: 'gbk', label: 'Chinese, simplified (GBK, GB2312)' },
  { name: 'gb18030', label: 'Chinese, simplified (GB18030)' },
  { name: 'big5', label: 'Chinese, traditional (Big5)' },
  { name: 'shift_jis', label: 'Japanese (Shift_JIS)' },
  { name: 'euc-jp', label: 'Japanese (EUC-JP)' },
  { name: 'iso-2022-jp', label: 'Japanese (ISO-2022-JP)' },
  { name: 'euc-kr', label: 'Korean (EUC-KR)' },
] as const;

export type EncodingName = (typeof ENCODINGS)[number]['name'];

export const ENCODING_NAMES = ENCODINGS.map((e) => e.name) as [EncodingName, ...EncodingName[]];
