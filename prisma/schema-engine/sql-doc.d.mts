export interface SqlDocParameter {
  typ?: string;
  position?: number;
  alias?: string;
  nullable?: boolean;
  documentation?: string;
}

export interface SqlDoc {
  description: string | undefined;
  parameters: SqlDocParameter[];
  parameterAt(position: number): SqlDocParameter | undefined;
}

/** The `-- @description` and `-- @param` comments of a TypedSQL file. */
export declare function parseSqlDoc(sql: string, enumNames?: string[]): SqlDoc;
