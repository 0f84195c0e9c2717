// tlslint shim: <Poco/Net/SSLManager.h>.
#include <Poco/Net/Context.h>
