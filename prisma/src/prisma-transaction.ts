import type { PrismaClient } from '../generated/client/client';

/** The client handed to an interactive transaction's callback: everything but the lifecycle methods. */
export type PrismaTransaction = Omit<
  PrismaClient,
  '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'
>;
