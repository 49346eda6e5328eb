/** Absolute path of the schema engine for the Prisma CLI: the native binary if @prisma/engines has one, else the wasm shim. */
export declare function resolveSchemaEngine(): string;
