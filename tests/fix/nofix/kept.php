<?php
// Legacy curl floors tlslint reports but cannot fix safely (no-fix fixture: LT-PHP-001).
const LEGACY_TLS = CURL_SSLVERSION_TLSv1_0;

function terminal(string $url, bool $legacy, VersionOptions $options): void
{
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_SSLVERSION, LEGACY_TLS);
    curl_setopt($ch, CURLOPT_PROXY_SSLVERSION, $legacy ? CURL_SSLVERSION_TLSv1 : CURL_SSLVERSION_TLSv1_2);
    $options->setVersion(CURL_SSLVERSION_TLSv1_1);
    $ctx = stream_context_create(['ssl' => ['crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_0_CLIENT]]);
}
