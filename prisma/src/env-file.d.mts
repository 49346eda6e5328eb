export declare const DEFAULT_ENV_FILE: string;
export declare function loadEnvFile(options?: {
  env?: Record<string, string | undefined>;
  path?: string;
}): string[];
