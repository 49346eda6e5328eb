-- The three default roles. Their names, descriptions and permissions are the domain's DEFAULT_ROLES;
-- a test in packages/adapters fails if the two ever disagree. Re-running is harmless.
INSERT INTO "roles" ("name", "description", "permissions") VALUES
    ('admin', 'Administers users, roles, the catalogue, and every order and account', '["profile:read","profile:write","users:read","users:write","users:delete","roles:read","roles:write","products:write","orders:read:own","orders:write:own","orders:read:any","orders:write:any","accounts:read:own","accounts:write:own","accounts:read:any"]'::jsonb),
    ('moderator', 'Looks after users and moves orders along, without touching roles or money', '["profile:read","profile:write","users:read","orders:read:any","orders:write:any"]'::jsonb),
    ('user', 'A customer: their own profile, orders and accounts', '["profile:read","profile:write","orders:read:own","orders:write:own","accounts:read:own","accounts:write:own"]'::jsonb)
ON CONFLICT ("name") DO NOTHING;
