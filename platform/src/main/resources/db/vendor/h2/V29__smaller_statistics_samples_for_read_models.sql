-- PostgreSQL only: H2 keeps no per-column statistics targets (db/vendor/postgresql/V29 says why they are smaller).
SELECT 1;
