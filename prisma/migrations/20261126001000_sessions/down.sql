-- Undoes 20261126001000_sessions: generated with `prisma migrate diff --from-migrations <up to
-- sessions> --to-migrations <before sessions> --script`. The CHECKs written by hand in the up go
-- with the table. Every session is lost: everyone signed in must sign in again.

-- DropForeignKey
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_user_id_fkey";

-- DropTable
DROP TABLE "sessions";
