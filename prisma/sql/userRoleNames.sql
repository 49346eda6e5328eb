-- @description The roles a user holds, by name, with when each was granted.
-- @param {String} $1:userId the user's id
SELECT r.name, ur.assigned_at
FROM user_roles ur
JOIN roles r ON r.id = ur.role_id
WHERE ur.user_id = $1::uuid
ORDER BY r.name
