// The largest file the builder opens for editing — alone, so the validator page can say so without loading the reader.

/**
 * The builder opens a file on the page's thread: above this it is refused (U112) instead of freezing the page.
 * The largest real file, 1000 client rows of ~2.5 KB, is well below (issue 10).
 */
export const MAX_EDIT_BYTES = 4 * 1024 * 1024;
