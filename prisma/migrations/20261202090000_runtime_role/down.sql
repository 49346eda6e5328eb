-- Undoes 20261202090000_runtime_role, written by hand (Prisma's diff does not see privileges): the
-- runtime group loses every grant in this database. The role itself stays: roles are cluster-wide
-- and other databases of the cluster may grant to it. CREATE on `public` is not given back to
-- PUBLIC: PostgreSQL 15 does not grant it either, and handing it out would be a hole of its own.
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM stratum_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM stratum_runtime;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM stratum_runtime;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM stratum_runtime;
REVOKE USAGE ON SCHEMA public FROM stratum_runtime;
