import { z } from "zod";
import { textSchema } from "./text";
import { roleSchema } from "./user";

export const listUsersQuerySchema = z.strictObject({
  q: textSchema({ min: 0, max: 64 }).optional(),
  role: roleSchema.optional(),
  cursor: z.uuid().optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(100))
    .optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const setRoleSchema = z.strictObject({ role: roleSchema });
