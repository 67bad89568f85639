/** Types for scripts/ensure-chromium.js, for the TypeScript editor tests (test/ui). */

export declare const DEFAULT_PATH: string;

/** $CHROMIUM_PATH, or /usr/bin/chromium when it exists; undefined when neither does. */
export declare function findChromium(): string | undefined;

/**
 * The Chromium binary to use; installs Debian's `chromium` package with apt-get when it is
 * missing and this process is root, and throws saying what to do otherwise.
 */
export declare function ensureChromium(options?: { log?: (message: string) => void }): string;

/** `chromium --version` output, for logs. */
export declare function chromiumVersion(executablePath: string): string;
