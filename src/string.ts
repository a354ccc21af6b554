/**
 * Python's `string` module constants, as a notebook's character vocabulary uses them
 * (`all_letters = string.ascii_letters + " .,;'"`, the char-RNN tutorials).
 */
export const ascii_lowercase = "abcdefghijklmnopqrstuvwxyz";
export const ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const ascii_letters = ascii_lowercase + ascii_uppercase;
export const digits = "0123456789";
export const hexdigits = "0123456789abcdefABCDEF";
export const octdigits = "01234567";
export const punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
export const whitespace = " \t\n\r\x0b\x0c";
export const printable = digits + ascii_letters + punctuation + whitespace;
