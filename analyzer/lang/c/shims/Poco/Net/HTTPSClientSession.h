// tlslint shim: <Poco/Net/HTTPSClientSession.h>.
#include <Poco/Net/Context.h>
