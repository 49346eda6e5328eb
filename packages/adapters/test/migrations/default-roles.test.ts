import { DEFAULT_ROLES } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/test-database';

describe('the default roles migration', () => {
  const handle = useTestDatabase();

  it("inserts exactly the domain's DEFAULT_ROLES, permissions and descriptions included", async () => {
    const rows = await handle.database.prisma.role.findMany({ orderBy: { name: 'asc' } });
    expect(
      rows.map((row) => ({ name: row.name, description: row.description, permissions: row.permissions })),
    ).toEqual(
      [...DEFAULT_ROLES]
        .sort((x, y) => x.name.localeCompare(y.name))
        .map((role) => ({
          name: role.name,
          description: role.description,
          permissions: [...role.permissions],
        })),
    );
  });
});
