-- Several guarded ledger writes (debits) in one statement, each exactly as `ledger_write` (0004)
-- does it alone, in the order given, so concurrent debits cost one round trip and one commit
-- between them. Each write runs in its own subtransaction: one that would overdraw its wallet
-- answers INSUFFICIENT_FUNDS (with the DETAIL `ledger_write` raises) and undoes only itself; a
-- duplicate reference answers DUPLICATE. Any other error fails the whole statement, and the
-- caller retries the writes one by one. Callers keep batches under 64 writes, the subtransactions
-- a backend can track without overflowing to pg_subtrans.
--
-- Every wallet the batch touches is locked first, in user-id order, the order `ledger_write` takes
-- them in: two batches (two processes) holding the same wallets in different write orders would
-- otherwise each wait for the other until the deadlock detector failed one.
CREATE FUNCTION "ledger_write_batch"("p_writes" jsonb)
RETURNS TABLE ("ordinal" bigint, "status" text, "detail" text)
LANGUAGE plpgsql AS $$
DECLARE
  "w" jsonb;
BEGIN
  PERFORM 1 FROM "wallets"
    WHERE "user_id" IN (
      SELECT ("e"."value"->>'user_id')::uuid
      FROM jsonb_array_elements("p_writes") AS "item", jsonb_array_elements("item"."value"->'entries') AS "e"
    )
    ORDER BY "user_id"
    FOR UPDATE;
  FOR "w", "ordinal" IN
    SELECT "item"."value", "item"."ordinality" FROM jsonb_array_elements("p_writes") WITH ORDINALITY AS "item"
    ORDER BY "item"."ordinality"
  LOOP
    BEGIN
      "status" := ledger_write(("w"->>'id')::uuid, "w"->>'reference', "w"->>'kind', "w"->>'reason',
        ("w"->>'createdAt')::timestamptz, "w"->'entries', true);
      "detail" := NULL;
    EXCEPTION WHEN SQLSTATE 'PK001' THEN
      GET STACKED DIAGNOSTICS "detail" = PG_EXCEPTION_DETAIL;
      "status" := 'INSUFFICIENT_FUNDS';
    END;
    RETURN NEXT;
  END LOOP;
END;
$$;
