-- Sessions of signed-in users, for the API's opaque bearer tokens. Only the SHA-256 of a token is
-- stored, so a copy of this table opens no session; a session is revoked by setting revoked_at,
-- which takes effect on the very next request.

-- squawk (pnpm lint): ban-char-field is off for this file: token_hash is a SHA-256 in hex, always
-- exactly 64 characters (the CHECK below says so), which is what CHAR(64) states.
-- squawk-ignore-file ban-char-field

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_user_idx" ON "sessions"("user_id");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Beyond Prisma's schema language: a hash is 64 lower-case hex digits (a plain token stored here by
-- mistake fails loudly), and a session ends after it starts.
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_token_hash_check" CHECK ("token_hash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_expiry_check" CHECK ("expires_at" > "created_at");
