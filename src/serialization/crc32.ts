/** The serialization formats' CRC-32 is the one shared with the PNG codec (src/utils/crc32.ts). */
export { crc32 } from "../utils/crc32";
