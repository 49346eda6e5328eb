import type { BenchClients } from '../clients/bench-clients';
import type { BenchFixtures } from '../fixtures/bench-fixtures';
import type { BenchOperation } from '../harness/bench-operation';
import { transferOperations } from './accounts/transfer.operations';
import { orderOperations } from './orders/order.operations';
import { activePageOperations } from './users/active-pages.operations';
import { userLookupOperations } from './users/user-lookup.operations';

/** Every operation of the main bench database, in the order of the table. Product search comes per catalogue. */
export function mainOperations(clients: BenchClients, fixtures: BenchFixtures): BenchOperation[] {
  return [
    ...userLookupOperations(clients, fixtures),
    ...activePageOperations(clients, fixtures),
    ...orderOperations(clients, fixtures),
    ...transferOperations(clients, fixtures),
  ];
}
