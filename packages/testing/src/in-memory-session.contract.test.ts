import { InMemoryStore } from './in-memory-store';
import { InMemoryUserRepository } from './in-memory-user.repository';
import { InMemorySessionRepository } from './in-memory-session.repository';
import { sessionRepositoryContract } from './contracts/session-repository.contract';

sessionRepositoryContract('in-memory', async () => {
  const store = new InMemoryStore();
  return {
    sessions: new InMemorySessionRepository(store),
    users: new InMemoryUserRepository(store),
    cleanup: async () => {},
  };
});
