<?php
// Transfers to the settlement service (fix fixture: LT-PHP-001).

function fetch_statement(string $url): string
{
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    curl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
    $body = curl_exec($ch);
    curl_close($ch);
    return $body;
}

function upload_batch(string $url, string $payload): void
{
    $ch = curl_init($url);
    curl_setopt_array($ch, [
        CURLOPT_POST => true,
        CURLOPT_POSTFIELDS => $payload,
        CURLOPT_SSLVERSION => CURL_SSLVERSION_TLSv1_2,
        CURLOPT_PROXY_SSLVERSION => \CURL_SSLVERSION_TLSv1_2,
    ]);
    curl_exec($ch);
}

function ping(string $url): void
{
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
    curl_setopt($ch, CURLOPT_PROXY_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
    curl_exec($ch);
}

function capped(string $url): void
{
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
    curl_exec($ch);
}

$client->request('GET', $url, ['curl' => [CURLOPT_SSLVERSION => CURL_SSLVERSION_TLSv1_2]]);
