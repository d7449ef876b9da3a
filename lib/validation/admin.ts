import { z } from "zod";
import { roleSchema } from "./user";

export const listUsersQuerySchema = z.strictObject({
  q: z.string().trim().max(64).optional(),
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
