/** A file of a Hub repository as listings describe it (the API, and the tree cache). */

/** One file of a repository. */
export interface RepoFile {
  path: string;
  /** Bytes of the real contents (for LFS files, the LFS object, not the pointer). */
  size: number;
  /**
   * The blob name in the cache, and the checksum the download must match: the LFS
   * sha256 (what the Hub sends as X-Linked-Etag) or, for a plain git file, its git sha1.
   */
  etag: string;
  /** Stored with Git LFS (or Xet): large, verified by sha256. */
  lfs: boolean;
  /** The git blob id (for an LFS file, of its pointer). */
  blobId: string;
  /** The Xet hash, when the Hub stores the file with Xet. */
  xetHash?: string;
}
