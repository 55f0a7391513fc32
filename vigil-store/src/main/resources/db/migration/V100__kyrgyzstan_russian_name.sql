-- Kyrgyzstan's Russian name as the state itself and CIS documents write it ("Кыргызстан"), not the
-- JDK's Soviet-era "Киргизия" that earlier reference loads stored.
UPDATE area SET name_ru = 'Кыргызстан' WHERE code = 'KGZ' AND name_ru = 'Киргизия';
