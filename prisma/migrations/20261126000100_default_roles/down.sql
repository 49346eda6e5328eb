-- Undoes 20261126000100_default_roles. Prisma's diff sees nothing here (the migration writes rows,
-- not schema), so this is written by hand: it deletes the three default roles, but only while no
-- user holds one. user_roles cascades on role deletion, so deleting an assigned role would silently
-- take it from every user who has it; the rollback fails instead and changes nothing.
DO $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM "user_roles" JOIN "roles" ON "roles"."id" = "user_roles"."role_id"
        WHERE "roles"."name" IN ('admin', 'moderator', 'user')
    ) THEN
        RAISE EXCEPTION 'default roles are assigned to users: take the assignments away first'
            USING ERRCODE = 'dependent_objects_still_exist';
    END IF;
END
$$;

DELETE FROM "roles" WHERE "name" IN ('admin', 'moderator', 'user');
