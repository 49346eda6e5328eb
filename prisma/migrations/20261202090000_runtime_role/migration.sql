-- Least privilege. The API connects as a login role that is a member of `stratum_runtime`, a
-- NOLOGIN group that may read and write rows and nothing else: no DDL, no TRUNCATE, no COPY to a
-- program, no objects of its own. The schema belongs to the role that runs the migrations. An
-- injection, were one ever found, could then change rows but not the schema or the server.
--
-- Roles are cluster-wide, so the group is created only if missing (an operator whose migration
-- role may not create roles creates it beforehand, as the README shows); two databases migrated
-- at once may race to create it, and the loser finds it made.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stratum_runtime') THEN
        CREATE ROLE stratum_runtime NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    END IF;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO stratum_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO stratum_runtime;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO stratum_runtime;
-- Prisma's own bookkeeping is the migration role's to write; the runtime may only read it, so
-- that /health/ready can tell a pending migration (a shadow database that `prisma migrate diff`
-- builds has no such table).
DO $$
BEGIN
    IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
        REVOKE ALL ON TABLE "_prisma_migrations" FROM stratum_runtime;
        GRANT SELECT ON TABLE "_prisma_migrations" TO stratum_runtime;
    END IF;
END
$$;

-- Tables and sequences that later migrations create (as the role running this one) get the same
-- grants, so no migration has to remember them.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO stratum_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO stratum_runtime;

-- PostgreSQL 15 no longer lets every role create in `public`; older clusters upgraded in place
-- still do. Only the schema's owner (the migration role) creates objects.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
