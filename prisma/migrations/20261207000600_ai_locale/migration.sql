-- AI answers a player reads are written in that player's UI language; keep which one.
ALTER TABLE "AiGeneration" ADD COLUMN "locale" TEXT;
