-- Gateways sharing one database read the ad texts the others saved (terms edited, a PRIVATE ad's new link): each
-- write stamps the row, and every gateway reads the rows stamped since its last look (AdTexts). Rows from before
-- stay unstamped: every gateway loaded them at its start.
ALTER TABLE ad_texts ADD COLUMN updated_at timestamp(6) with time zone;
CREATE INDEX ad_texts_updated_at ON ad_texts (updated_at);
